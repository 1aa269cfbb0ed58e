/** Render one page at a URL inside the app's providers, with a probe showing where it navigates. */
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { I18nProvider } from "../../src/i18n/I18nProvider";
import type { Language } from "../../src/i18n/translate";

function LocationProbe() {
  return <output data-testid="location">{useLocation().pathname}</output>;
}

export function renderPage(routePath: string, url: string, page: ReactElement, language: Language = "en") {
  return render(
    <I18nProvider language={language}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path={routePath} element={page} />
          <Route path="*" element={null} />
        </Routes>
        <LocationProbe />
      </MemoryRouter>
    </I18nProvider>,
  );
}
