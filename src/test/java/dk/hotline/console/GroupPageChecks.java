package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Await;
import dk.hotline.testing.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WrapsDriver;

/** What the group pages' browser tests read and check on a page, as a coordinator would see it. */
final class GroupPageChecks {
    private GroupPageChecks() {}

    /**
     * The rows of the table under the heading with id {@code heading}, each as its cells' text joined
     * by spaces, without the links to act on a row.
     */
    static List<String> rows(Browser browser, String heading) {
        return browser.all("#" + heading + " + .table-wrap tbody tr").stream()
                .map(tr -> String.join(" ", tr.findElements(By.cssSelector("th, td:not(.actions):not(:has(form))")).stream()
                        .map(WebElement::getText).filter(s -> !s.isBlank()).map(s -> s.replace('\n', ' ')).toList()))
                .toList();
    }

    /** An element's text as a screen reader says it, what is hidden from the eye included. */
    static String heard(WebElement element) {
        return element.getAttribute("textContent").replaceAll("\\s+", " ").trim();
    }

    /**
     * The page as it is, at a laptop's width and then a phone's (the same window made narrow):
     * axe-core finds nothing serious, the page does not scroll sideways, and it is photographed.
     */
    static void photograph(Browser browser, String name) {
        var window = browser.driver().manage().window();
        var wide = window.getSize();
        for (int width : new int[] {1280, 375}) {
            window.setSize(new Dimension(width, wide.getHeight()));
            // The window is resized when the call returns, the page laid out again a moment later
            // (later still on a busy machine): measure only once it has the new width.
            var js = (JavascriptExecutor) browser.driver();
            Await.until("the page is laid out at " + width + " px", Await.SOON,
                    () -> (Long) js.executeScript("return window.innerWidth;") <= width);
            fitsTheWidth(browser);
            browser.accessible().screenshot(name);
        }
        window.setSize(wide);
    }

    /** At a phone's width the page itself does not scroll sideways (a wide table scrolls in its own box). */
    static void fitsTheWidth(Browser browser) {
        var js = (JavascriptExecutor) browser.driver();
        long scrolled = (Long) js.executeScript("return document.documentElement.scrollWidth;");
        long visible = (Long) js.executeScript("return document.documentElement.clientWidth;");
        assertThat(scrolled).as(browser.path() + " is no wider than the window").isLessThanOrEqualTo(visible);
    }

    /** Sets a date-time field as a date picker would: typing into one depends on the browser's locale. */
    static void setValue(WebElement field, String value) {
        var driver = ((WrapsDriver) field).getWrappedDriver();
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", field, value);
    }
}
