from automl_core.data.task import Task
from automl_core.pipelines.registry import FAMILIES, cash_space, portfolio


def test_the_portfolio_starts_with_boosting_defaults_and_keeps_every_family_default():
    configs = portfolio(cash_space(Task.BINARY, 1000), Task.BINARY)
    assert [c.algorithm for c in configs[:2]] == ["lightgbm", "hist_gradient_boosting"]
    assert configs[0].params["learning_rate"] == 0.1
    expected = sum(len(f.portfolio(Task.BINARY)) for f in FAMILIES.values())
    assert len(configs) == len(set(configs)) == expected


def test_the_portfolio_only_holds_families_of_the_space():
    configs = portfolio(cash_space(Task.REGRESSION, 1000, ["knn", "lightgbm"]), Task.REGRESSION)
    assert {c.algorithm for c in configs} == {"knn", "lightgbm"}
    assert configs[0].algorithm == "lightgbm"
