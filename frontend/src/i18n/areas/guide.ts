/** Messages of the guided first steps: home, example data, stepper, presets, theme; Every key of the English object also in the Korean one (the type enforces it), Korean with the same keys and placeholders. */

export const guideEn = {
  "guide.theme.label": "Colours",
  "guide.theme.system": "As the system",
  "guide.theme.light": "Light",
  "guide.theme.dark": "Dark",
  "guide.timeZone.label": "Time zone",

  "guide.explain.button": "What is this?",
  "guide.explain.buttonFor": "What is this: {term}?",

  "guide.steps.label": "Your progress",
  "guide.steps.upload": "Upload data",
  "guide.steps.check": "Check the data",
  "guide.steps.target": "Choose what to predict",
  "guide.steps.effort": "Choose the effort",
  "guide.steps.watch": "Watch the training",
  "guide.steps.use": "Use the model",
  "guide.steps.done": "done",
  "guide.steps.position": "Step {number} of {total}:",

  "guide.home.title": "Teach a computer to predict from your data",
  "guide.home.intro":
    "Daria learns from a table of past examples and predicts one of its columns for new rows. No programming or machine-learning knowledge needed. Pick a way to start:",
  "guide.home.exampleHeading": "Try it with example data",
  "guide.home.exampleText":
    "1,000 loan applicants from a public German credit dataset (CC BY 4.0). Daria will learn to predict whether an applicant is a good credit risk.",
  "guide.home.exampleButton": "Try it with example data",
  "guide.home.exampleBusy": "Adding the example data…",
  "guide.home.uploadHeading": "Upload your CSV",
  "guide.home.uploadText":
    "A table with a header row and one row per example, e.g. exported from a spreadsheet. A project named after the file is created for it.",
  "guide.home.uploadFile": "Your CSV or spreadsheet file",
  "guide.home.uploadButton": "Upload and check",
  "guide.home.projectsHeading": "Your projects",
  "guide.home.noProjects":
    "You have no projects yet. Use one of the two starts above: a project is created for you.",
  "guide.home.projectTerm": "project",
  "guide.home.explainProject":
    "A project keeps your datasets, the experiments run on them and the resulting models together, with the people allowed to see them.",
  "guide.home.createHelp": "Or create an empty project and upload data into it later.",

  "guide.project.datasetTerm": "dataset",
  "guide.project.explainDataset":
    "A dataset is a table: each row is one example, each column one fact about it; Daria learns to predict one column from the others.",
  "guide.project.noDatasets":
    "No data in this project yet. Upload a CSV above, or add the example data to try Daria out.",
  "guide.project.addExample": "Add the example data",
  "guide.project.experimentTerm": "experiment",
  "guide.project.explainExperiment":
    "An experiment trains and compares many models on one dataset within a time budget, and keeps the best one.",
  "guide.project.noExperiments":
    "No experiments yet. Open a dataset above, choose the column to predict and press Start.",

  "guide.dataset.next":
    "Next: check the warnings below, then choose the column to predict (the target) and how long Daria may train.",
  "guide.dataset.rowsTerm": "rows",
  "guide.dataset.explainRows":
    "Each row is one example Daria can learn from; more rows usually give better predictions.",
  "guide.dataset.columnsTerm": "columns",
  "guide.dataset.explainColumns":
    "Each column is one fact about the examples; you pick one of them as the target to predict.",
  "guide.dataset.duplicatedTerm": "duplicated rows",
  "guide.dataset.explainDuplicated":
    "Rows that appear more than once; many of them can make a model look better than it really is.",
  "guide.dataset.memoryTerm": "memory",
  "guide.dataset.explainMemory": "How much computer memory the table takes once it is read.",
  "guide.dataset.warningsTerm": "data warnings",
  "guide.dataset.explainWarnings":
    "Things in the data that may make predictions worse or misleading; fix one with its button, or leave it if you know it is fine.",
  "guide.dataset.profileTerm": "column profile",
  "guide.dataset.explainProfile":
    "For each column: its kind (number, category, date or text), how many values are missing and how many different values it holds.",
  "guide.dataset.previewTerm": "first rows",
  "guide.dataset.explainPreview":
    "The first rows of your file as Daria read them: check that the columns and values look right.",

  "guide.error.forbidden":
    "You can look at this project but not change it. Ask the project's owner to make you an editor.",
  "guide.error.notFound":
    "This item does not exist or you have no access to it. Go back to your projects and open it from there.",
  "guide.error.signedOut": "You are signed out. Sign in again, then repeat what you were doing.",
  "guide.error.tooLarge":
    "The file is too large for this server. Upload a smaller file, or ask your administrator to raise the limit.",
  "guide.error.network":
    "The server could not be reached. Check your network connection, then try again.",
  "guide.error.server":
    "Something went wrong on the server (HTTP {status}). Try again in a minute; if it keeps happening, tell your administrator.",
} as const;

export const guideKo: Record<keyof typeof guideEn, string> = {
  "guide.theme.label": "화면 색상",
  "guide.theme.system": "시스템 설정 따르기",
  "guide.theme.light": "밝게",
  "guide.theme.dark": "어둡게",
  "guide.timeZone.label": "시간대",

  "guide.explain.button": "이게 뭔가요?",
  "guide.explain.buttonFor": "이게 뭔가요: {term}?",

  "guide.steps.label": "진행 단계",
  "guide.steps.upload": "데이터 올리기",
  "guide.steps.check": "데이터 확인",
  "guide.steps.target": "예측할 열 고르기",
  "guide.steps.effort": "학습 시간 고르기",
  "guide.steps.watch": "학습 지켜보기",
  "guide.steps.use": "모델 사용하기",
  "guide.steps.done": "완료",
  "guide.steps.position": "{total}단계 중 {number}단계:",

  "guide.home.title": "내 데이터로 예측하는 법을 컴퓨터에 가르쳐 보세요",
  "guide.home.intro":
    "Daria는 과거 사례가 담긴 표에서 배워, 새 행에 대해 그중 한 열의 값을 예측합니다. 프로그래밍이나 머신러닝 지식이 없어도 됩니다. 시작할 방법을 고르세요:",
  "guide.home.exampleHeading": "예제 데이터로 해 보기",
  "guide.home.exampleText":
    "공개된 독일 신용 데이터(CC BY 4.0)의 대출 신청자 1,000명입니다. Daria가 신청자의 신용 위험이 낮은지 예측하는 법을 배웁니다.",
  "guide.home.exampleButton": "예제 데이터로 해 보기",
  "guide.home.exampleBusy": "예제 데이터를 추가하는 중…",
  "guide.home.uploadHeading": "내 CSV 올리기",
  "guide.home.uploadText":
    "머리글 행이 있고 한 행에 사례 하나가 있는 표입니다(예: 스프레드시트에서 내보낸 파일). 파일 이름으로 프로젝트가 만들어집니다.",
  "guide.home.uploadFile": "CSV 또는 스프레드시트 파일",
  "guide.home.uploadButton": "올리고 확인하기",
  "guide.home.projectsHeading": "내 프로젝트",
  "guide.home.noProjects":
    "아직 프로젝트가 없습니다. 위의 두 가지 시작 방법 중 하나를 쓰면 프로젝트가 자동으로 만들어집니다.",
  "guide.home.projectTerm": "프로젝트",
  "guide.home.explainProject":
    "프로젝트는 데이터셋, 그 데이터로 실행한 실험, 만들어진 모델, 그리고 볼 수 있는 사람들을 한곳에 모아 둡니다.",
  "guide.home.createHelp": "또는 빈 프로젝트를 만들고 나중에 데이터를 올릴 수도 있습니다.",

  "guide.project.datasetTerm": "데이터셋",
  "guide.project.explainDataset":
    "데이터셋은 표입니다. 각 행은 사례 하나, 각 열은 그 사례에 관한 사실 하나이며, Daria는 나머지 열로 한 열을 예측하는 법을 배웁니다.",
  "guide.project.noDatasets":
    "이 프로젝트에는 아직 데이터가 없습니다. 위에서 CSV를 올리거나 예제 데이터를 추가해 Daria를 써 보세요.",
  "guide.project.addExample": "예제 데이터 추가",
  "guide.project.experimentTerm": "실험",
  "guide.project.explainExperiment":
    "실험은 정해진 시간 안에 한 데이터셋으로 여러 모델을 학습해 비교하고, 가장 좋은 모델을 남깁니다.",
  "guide.project.noExperiments":
    "아직 실험이 없습니다. 위에서 데이터셋을 열고 예측할 열을 고른 뒤 시작을 누르세요.",

  "guide.dataset.next":
    "다음 단계: 아래 경고를 확인한 뒤, 예측할 열(타깃)과 Daria가 학습할 시간을 고르세요.",
  "guide.dataset.rowsTerm": "행",
  "guide.dataset.explainRows":
    "각 행은 Daria가 배울 수 있는 사례 하나입니다. 행이 많을수록 대체로 예측이 더 좋아집니다.",
  "guide.dataset.columnsTerm": "열",
  "guide.dataset.explainColumns":
    "각 열은 사례에 관한 사실 하나입니다. 그중 한 열을 예측할 타깃으로 고릅니다.",
  "guide.dataset.duplicatedTerm": "중복 행",
  "guide.dataset.explainDuplicated":
    "두 번 이상 나오는 행입니다. 많으면 모델이 실제보다 좋아 보일 수 있습니다.",
  "guide.dataset.memoryTerm": "메모리",
  "guide.dataset.explainMemory": "표를 읽은 뒤 컴퓨터 메모리를 얼마나 차지하는지입니다.",
  "guide.dataset.warningsTerm": "데이터 경고",
  "guide.dataset.explainWarnings":
    "예측을 나쁘게 하거나 오해를 부를 수 있는 데이터의 문제입니다. 버튼으로 고치거나, 괜찮다고 알고 있다면 그대로 두세요.",
  "guide.dataset.profileTerm": "열 프로필",
  "guide.dataset.explainProfile":
    "각 열의 종류(숫자, 범주, 날짜, 텍스트), 빠진 값의 개수, 서로 다른 값의 개수를 보여 줍니다.",
  "guide.dataset.previewTerm": "처음 몇 행",
  "guide.dataset.explainPreview":
    "Daria가 읽은 파일의 처음 몇 행입니다. 열과 값이 제대로 보이는지 확인하세요.",

  "guide.error.forbidden":
    "이 프로젝트를 볼 수는 있지만 바꿀 수는 없습니다. 프로젝트 소유자에게 편집자 권한을 요청하세요.",
  "guide.error.notFound":
    "이 항목이 없거나 접근 권한이 없습니다. 내 프로젝트로 돌아가 그곳에서 여세요.",
  "guide.error.signedOut": "로그아웃되었습니다. 다시 로그인한 뒤 하던 작업을 반복하세요.",
  "guide.error.tooLarge":
    "파일이 이 서버에서 받기에 너무 큽니다. 더 작은 파일을 올리거나 관리자에게 한도를 올려 달라고 요청하세요.",
  "guide.error.network": "서버에 연결할 수 없습니다. 네트워크 연결을 확인한 뒤 다시 시도하세요.",
  "guide.error.server":
    "서버에서 문제가 생겼습니다(HTTP {status}). 잠시 후 다시 시도하고, 계속되면 관리자에게 알려 주세요.",
};
