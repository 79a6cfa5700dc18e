import WardcheckCore
import WardcheckReports

/// The city office's login, for the pages that carry every unit's figures. The form is sent by
/// the page's script as JSON (as every POST of this server is); the session comes back as a cookie.
struct LoginPage {
    let language: Language
    /// Where to go once logged in: a page of this server under /city (checked by the route).
    let next: String

    private func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
    private func h(_ text: String) -> String { HTML.escape(text) }

    func render() -> String {
        let body = """
        <main class="login">
        <form id="login" novalidate data-next="\(h(next))" aria-labelledby="page-title">
        <p class="intro">\(h(t("Trang toàn thành phố có số liệu của mọi đơn vị: chỉ Văn phòng thành phố được xem. Đăng nhập bằng tên và mã bí mật đã được cấp.",
                               "The city pages carry every unit's figures: only the city office may see them. Log in with the name and secret you were given.")))</p>
        <div class="field"><label for="login-name">\(h(t("Tên đăng nhập", "Login name")))</label>
        <input id="login-name" name="name" type="text" autocomplete="username" spellcheck="false" required></div>
        <div class="field"><label for="login-secret">\(h(t("Mã bí mật", "Secret")))</label>
        <input id="login-secret" name="secret" type="password" autocomplete="current-password" required></div>
        <button type="submit">\(h(t("Đăng nhập", "Log in")))</button>
        <p id="login-status" class="status" role="status"></p>
        </form>
        </main>

        """
        return PageShell(language: language, hasCity: true)
            .render(title: t("Đăng nhập — Văn phòng thành phố", "Log in — city office"), path: "/city/login", body: body, script: true,
                    bodyAttributes: [("data-text-busy", t("Đang đăng nhập…", "Logging in…")),
                                     ("data-text-offline", t("Không kết nối được máy chủ.", "Cannot reach the server."))])
    }
}
