package dk.hotline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through chromium-driver (no browser is downloaded). Without
 * them installed, browser tests are skipped, unless {@code HOTLINE_BROWSER_TESTS=required} (as
 * {@code .ci/run} sets it), when they fail instead.
 */
public final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** What axe-core finds that fails a page: WCAG 2.1 AA, serious and worse. */
    private static final Set<String> FAILING_IMPACT = Set.of("serious", "critical");
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final WebDriver driver;
    private final String base;
    private final Path profile;

    private Browser(WebDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** A browser at {@code width} px wide, for pages at {@code base} (e.g. {@code http://localhost:1234}). */
    public static Browser open(String base, int width) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!"required".equals(System.getenv("HOTLINE_BROWSER_TESTS"))) {
            Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed (apt install chromium chromium-driver)");
        }
        try {
            Path profile = Files.createTempDirectory("hotline-chromium");
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // As root (CI, containers) Chromium needs --no-sandbox; the network flags keep it from
            // calling home, which this machine's closed network would refuse.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profile, "--window-size=" + width + ",900", "--lang=da");
            var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            var driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(width, 900));
            return new Browser(driver, base, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        return driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    public Browser type(String css, String value) {
        var field = find(css);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Clicks and waits until the page that follows has loaded. */
    public Browser submit(String css) {
        var before = find("html");
        find(css).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            try {
                before.isDisplayed();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                // Asked while the old page is being torn down, Chromium may say so in its own words.
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
        return this;
    }

    /** Signs in through the form. */
    public Browser signIn(String email, String password) {
        go("/login").type("#email", email).type("#password", password).submit("form[action='/login'] button");
        return this;
    }

    /** The whole page as it is, for people to look at: {@code target/screenshots/<name>-<width>.png}. */
    public Browser screenshot(String name) {
        var chrome = (ChromeDriver) driver;
        int width = driver.manage().window().getSize().getWidth();
        @SuppressWarnings("unchecked")
        var content = (Map<String, Object>) chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
        int height = (int) Math.ceil(((Number) content.get("height")).doubleValue());
        // A viewport as tall as the page: laid out at the full width, with no scroll bar taking part of it.
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", Math.max(height, 600), "deviceScaleFactor", 1, "mobile", false));
        try {
            String png = (String) chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png")).get("data");
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"), Base64.getDecoder().decode(png));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** axe-core on the page as it is: no serious or critical WCAG 2.1 AA violation. */
    public Browser accessible() {
        var results = new AxeBuilder().withTags(WCAG).analyze(driver);
        List<Rule> failing = results.getViolations().stream().filter(v -> FAILING_IMPACT.contains(v.getImpact())).toList();
        assertThat(failing).as(() -> path() + ": " + failing.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).toList())
                .toList()).isEmpty();
        return this;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile; the OS cleans up what is left
        }
    }
}
