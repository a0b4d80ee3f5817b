package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives Debian's headless Chromium against the deployed application; elements are found by their ids. Every page
 * a test opens or reaches by a click is checked with axe-core against WCAG 2.1 A and AA: a violation fails the test
 * with the rule, the elements and the page.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class BrowserTestBase {

    private static WebDriver browser;
    private static java.nio.file.Path downloads;

    @ArquillianResource
    protected URL baseUrl;

    private WebDriver active;

    @BeforeAll
    static void startBrowser() throws IOException {
        downloads = TempDirs.create("chromium-downloads-");
        browser = newBrowser();
    }

    /** Where the test's own browser saves downloaded files. */
    protected static java.nio.file.Path downloads() {
        return downloads;
    }

    /** Another headless Chromium with a profile of its own: a second person at another computer. */
    protected static WebDriver newBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chrome.binary", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=1280,900",
                "--user-data-dir=" + TempDirs.create("chromium-profile-"));
        if (downloads != null) {
            options.setExperimentalOption("prefs", java.util.Map.of(
                    "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static final String AXE_SCRIPT = axeScript();

    /**
     * Runs axe-core in the page itself, asking for violations only. AxeBuilder's default mode finishes each run in
     * a blank window and collects every passing node, which took three times as long per page.
     */
    private List<Rule> axeViolations() {
        JavascriptExecutor js = (JavascriptExecutor) browser();
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(AXE_SCRIPT);
        }
        Object json = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations)), e => done('error: ' + e))", WCAG_21_AA);
        String text = String.valueOf(json);
        if (text.startsWith("error: ")) {
            throw new AssertionError("axe-core could not check " + path() + ": " + text);
        }
        try {
            return JSON.readValue(text, new com.fasterxml.jackson.core.type.TypeReference<List<Rule>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static String axeScript() {
        try {
            return new AxeBuilder().getAxeScriptProvider().getScript();
        } catch (javax.naming.OperationNotSupportedException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes the steps that follow act in the given browser (null: the test's own). */
    protected void use(WebDriver driver) {
        active = driver;
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @BeforeEach
    void freshSession() {
        active = null;
        browser.manage().deleteAllCookies();
        if (onPaper) {
            showOnPaper(false);
        }
    }

    private static boolean onPaper;

    /** Lays the pages out as they print (CSS media "print") or again as on screen. */
    protected void showOnPaper(boolean paper) {
        ((org.openqa.selenium.chromium.HasCdp) browser).executeCdpCommand("Emulation.setEmulatedMedia",
                java.util.Map.of("media", paper ? "print" : ""));
        onPaper = paper;
    }

    /** Clicks a print button with the browser's print dialog replaced by a flag, which it returns. */
    protected boolean clickPrints(String buttonId) {
        JavascriptExecutor js = (JavascriptExecutor) browser();
        js.executeScript("window.printAsked = false; window.print = function () { window.printAsked = true; };");
        id(buttonId).click();
        return Boolean.TRUE.equals(js.executeScript("return window.printAsked"));
    }

    protected WebDriver browser() {
        return active != null ? active : browser;
    }

    protected void open(String path) {
        String base = baseUrl.toString().replaceAll("/$", "");
        browser().get(base + path);
        waitUntilReady();
        checkAccessibility();
    }

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** The SHA-256 of the markup of each page that passed, as {@link #MARKUP} gives it: each is checked once a run. */
    private static final java.util.Set<String> PASSED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * The page's markup with what differs between patients, appointments and requests left out: each text is only
     * there or not, and the values of inputs, links, sources, nonces and data attributes only present or not. Tags,
     * ids, classes, roles, ARIA attributes, labels' links and styles, which axe-core's rules look at, stay.
     */
    private static final String MARKUP = "const page = document.documentElement.cloneNode(true);"
            + "const texts = document.createTreeWalker(page, NodeFilter.SHOW_TEXT);"
            + "for (let t = texts.nextNode(); t; t = texts.nextNode()) { t.nodeValue = t.nodeValue.trim() ? 'x' : ''; }"
            + "for (const e of page.querySelectorAll('*')) { for (const a of [...e.attributes]) {"
            + "  if (['value', 'href', 'src', 'action', 'nonce', 'content'].includes(a.name) || a.name.startsWith('data-')) {"
            + "    e.setAttribute(a.name, a.value ? 'v' : ''); } } }"
            + "return page.outerHTML;";

    /**
     * Fails when the page as it is now breaks a WCAG 2.1 A or AA rule that axe-core checks. A page whose markup
     * ({@link #MARKUP}) already passed in this run is not checked again: the same markup gives the same answer.
     */
    protected void checkAccessibility() {
        String markup = sha256(String.valueOf(((JavascriptExecutor) browser()).executeScript(MARKUP)));
        if (PASSED.contains(markup)) {
            return;
        }
        List<Rule> violations = axeViolations();
        if (violations.isEmpty()) {
            PASSED.add(markup);
            return;
        }
        StringBuilder report = new StringBuilder("Accessibility violations on " + path() + ":");
        for (Rule rule : violations) {
            report.append("\n- ").append(rule.getId()).append(" (").append(rule.getImpact()).append("): ")
                    .append(rule.getHelp());
            rule.getNodes().stream().limit(5).forEach(node -> report.append("\n    ").append(node.getTarget())
                    .append("  ").append(abbreviate(node.getHtml())));
            if (rule.getNodes().size() > 5) {
                report.append("\n    … and ").append(rule.getNodes().size() - 5).append(" more");
            }
        }
        throw new AssertionError(report.toString());
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String html) {
        return html == null || html.length() <= 160 ? html : html.substring(0, 160) + "…";
    }

    /** At phone width (390 px): neither the page nor a table within it is read by scrolling sideways. */
    @SuppressWarnings("unchecked")
    protected void assertNothingScrollsSideways() {
        JavascriptExecutor js = (JavascriptExecutor) browser();
        assertEquals(390L, js.executeScript("return window.innerWidth"), "the page is seen at phone width");
        long overflow = (Long) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow <= 0, path() + " scrolls sideways by " + overflow + " px");
        List<String> wideTables = (List<String>) js.executeScript("""
                var wide = [];
                document.querySelectorAll('table').forEach(function (t) {
                    [t, t.closest('.ui-datatable-tablewrapper')].forEach(function (box) {
                        if (box && box.scrollWidth > box.clientWidth + 1) { wide.push((t.closest('[id]') || t).id + ' by ' + (box.scrollWidth - box.clientWidth) + ' px'); }
                    });
                });
                return wide;
                """);
        assertTrue(wideTables.isEmpty(), path() + " has tables read by scrolling sideways: " + wideTables);
    }

    /** The current page's path, without the optional ".xhtml". */
    protected String path() {
        return urlPath(browser().getCurrentUrl()).replaceFirst("\\.xhtml$", "");
    }

    private static String urlPath(String url) {
        try {
            return new java.net.URI(url).getPath();
        } catch (java.net.URISyntaxException e) {
            return url;
        }
    }

    /** A wait that looks every 50 ms: Selenium's default half second adds up over hundreds of clicks. */
    protected WebDriverWait waiting(Duration timeout) {
        return (WebDriverWait) new WebDriverWait(browser(), timeout).pollingEvery(Duration.ofMillis(50))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    protected WebElement id(String id) {
        return waiting(Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    protected boolean exists(String id) {
        return !browser().findElements(By.id(id)).isEmpty();
    }

    protected void type(String id, String text) {
        WebElement field = id(id);
        field.clear();
        field.sendKeys(text);
    }

    /**
     * An admin of the deployment (its first, or one invited by the first) logs in at the admin portal in the browser;
     * answers the e-mail address.
     */
    protected String logInAsAdmin(String name) {
        String email = new WebClient(baseUrl).registerAndLogin(name, Deployments.ADMIN_CODE);
        logIn("/admin/login", email);
        return email;
    }

    /** Logs in at the portal's login page in the browser with the tests' password. */
    protected void logIn(String loginPage, String email) {
        open(loginPage);
        type("loginForm:email", email);
        type("loginForm:password", WebClient.PASSWORD);
        clickAndWait("loginForm:login");
    }

    /** Registers the deployment's first admin with the code and logs in at the admin portal; answers the e-mail. */
    protected String registerFirstAdminAndLogIn(String name) {
        String email = "admin-" + java.util.UUID.randomUUID() + "@example.com";
        open("/admin/register");
        type("registerForm:name", name);
        type("registerForm:email", email);
        type("registerForm:phone", "+91 99999 00000");
        type("registerForm:password", WebClient.PASSWORD);
        type("registerForm:adminCode", Deployments.ADMIN_CODE);
        clickAndWait("registerForm:register");
        open("/admin/login");
        type("loginForm:email", email);
        type("loginForm:password", WebClient.PASSWORD);
        clickAndWait("loginForm:login");
        return email;
    }

    /** Clicks a button or link that loads a new page, and waits for it. */
    protected void clickAndWait(String id) {
        waitUntilReady();
        WebElement page = browser().findElement(By.tagName("html"));
        try {
            id(id).click();
        } catch (org.openqa.selenium.WebDriverException e) {
            // Chromium may report "node does not belong to the document" when the click already started
            // the navigation; the click happened, so wait for the new page as usual.
            if (!String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                throw e;
            }
        }
        waiting(Duration.ofSeconds(30)).until(driver -> isGone(page));
        waitUntilReady();
        checkAccessibility();
    }

    /** Whether the element belongs to a page that was left (Chromium says so in two ways). */
    protected static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (isReplacedNode(e)) {
                return true;
            }
            throw e;
        }
    }

    /** Whether the error says that an element was replaced by a page load or an update. */
    private static boolean isReplacedNode(org.openqa.selenium.WebDriverException e) {
        return e instanceof org.openqa.selenium.StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    protected void waitUntilReady() {
        waiting(Duration.ofSeconds(30)).until(driver -> {
            JavascriptExecutor js = (JavascriptExecutor) driver;
            return "complete".equals(js.executeScript("return document.readyState"))
                    && Boolean.TRUE.equals(js.executeScript(
                            "return !window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty()"));
        });
    }

    /** Waits until the condition holds, e.g. after an as-you-type search; an element replaced meanwhile is looked at again. */
    protected void waitFor(java.util.function.BooleanSupplier condition, String what) {
        waiting(Duration.ofSeconds(15)).withMessage(what).until(driver -> {
            try {
                return condition.getAsBoolean();
            } catch (org.openqa.selenium.WebDriverException e) {
                if (isReplacedNode(e)) {
                    return false;
                }
                throw e;
            }
        });
        waitUntilReady();
    }

    protected String text(String id) {
        return id(id).getText();
    }

    protected String messages() {
        List<WebElement> all = browser().findElements(By.cssSelector(".ui-messages, .ui-message"));
        StringBuilder text = new StringBuilder();
        all.forEach(e -> text.append(e.getText()).append('\n'));
        return text.toString();
    }

    protected String pageText() {
        return browser().findElement(By.tagName("body")).getText();
    }
}
