package io.github.enhance4j.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.enhance4j.testing.HostileImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page in a real headless browser: Debian's {@code chromium} and {@code chromium-driver} (.ci/run installs them).
 * Skipped, with a message, only where they are not installed. Nothing is downloaded: Selenium is given both paths.
 *
 * <p>{@code -Denhance4j.page.image=PATH -Denhance4j.page.screenshot=docs/service.png} enhances that image instead of
 * the generated one and keeps the screenshot there; {@code -Denhance4j.page.url=http://localhost:8080/} points the
 * browser at a service started with {@code java -jar} (its default limits) instead of the test's. That is how the
 * README's screenshot was taken.
 */
@ServiceTest
class PageBrowserTest {

    /** Selenium warns that it has no DevTools protocol for this Chromium version; only WebDriver is used here. */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");
    private static WebDriver browser;
    private static Path profile;

    @LocalServerPort
    int port;
    @TempDir
    Path temp;

    @BeforeAll
    static void startBrowser() throws IOException {
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        Optional<Path> chromium = executable("chromium", "chromium-browser", "google-chrome");
        Optional<Path> driver = executable("chromedriver");
        Assumptions.assumeTrue(chromium.isPresent() && driver.isPresent(), "Chromium and ChromeDriver are not "
                + "installed (Debian: apt-get install chromium chromium-driver): the page's browser test is skipped");
        profile = Files.createTempDirectory("enhance4j-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1100,1200", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void openThePage() {
        String external = System.getProperty("enhance4j.page.url");
        browser.get(external == null || external.isBlank() ? "http://localhost:" + port + "/" : external);
        wait(Duration.ofSeconds(20)).until(b -> new Select(b.findElement(By.id("model"))).getOptions().size() >= 3);
    }

    @Test
    void uploadingAnImage_showsOriginalAndResultWithASliderAndADownload() throws IOException {
        String custom = System.getProperty("enhance4j.page.image");
        Path image;
        if (custom != null && !custom.isBlank()) {
            image = temp.resolve(Path.of(custom).getFileName());
            Files.copy(Path.of(custom), image, StandardCopyOption.REPLACE_EXISTING);
        } else {
            image = temp.resolve("chart.png");
            Files.write(image, HostileImages.encode(chart(60, 40), "png"));
        }
        BufferedImage original = javax.imageio.ImageIO.read(image.toFile());
        assertThat(new Select(browser.findElement(By.id("model"))).getFirstSelectedOption().getText())
                .isEqualTo("sr-x2 (x2)");
        assertThat(browser.findElement(By.id("model-description")).getText()).contains("super-resolution");

        browser.findElement(By.id("file")).sendKeys(image.toAbsolutePath().toString());

        WebElement result = browser.findElement(By.id("result"));
        wait(Duration.ofSeconds(30)).until(b -> b.findElement(By.id("compare")).isDisplayed()
                && naturalWidth(result) > 0);
        assertThat(naturalWidth(result)).isEqualTo(2L * original.getWidth());
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("Done in");
        WebElement download = browser.findElement(By.id("download"));
        assertThat(download.getAttribute("href")).startsWith("blob:");
        assertThat(download.getAttribute("download")).endsWith("_enhanced.png");
        wait(Duration.ofSeconds(10)).until(b -> b.findElement(By.id("sizes")).getText().contains("enhanced"));
        assertThat(browser.findElement(By.id("sizes")).getText()).contains("Original " + original.getWidth() + " x "
                + original.getHeight(), "enhanced " + 2 * original.getWidth() + " x " + 2 * original.getHeight());

        WebElement slider = browser.findElement(By.id("slider"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = 30;"
                + "arguments[0].dispatchEvent(new Event('input'));", slider);
        assertThat(browser.findElement(By.id("original")).getAttribute("style")).contains("inset(0px 70% 0px 0px)");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = 50;"
                + "arguments[0].dispatchEvent(new Event('input'));", slider);

        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target", "page.png"), StandardCopyOption.REPLACE_EXISTING);
        String keep = System.getProperty("enhance4j.page.screenshot");
        if (keep != null && !keep.isBlank()) {
            Files.copy(shot, Path.of(keep), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void apiErrors_areShownInWords() throws IOException {
        Path notAnImage = temp.resolve("notes.png");
        Files.writeString(notAnImage, "this is text, not a picture");
        browser.findElement(By.id("file")).sendKeys(notAnImage.toAbsolutePath().toString());
        WebElement error = browser.findElement(By.id("error"));
        wait(Duration.ofSeconds(30)).until(b -> error.isDisplayed());
        assertThat(error.getText()).startsWith("Not an image: The upload is not an image this service can read");

        Path bomb = temp.resolve("bomb.png");
        Files.write(bomb, HostileImages.declaring("png", 20000, 20000));
        browser.findElement(By.id("file")).sendKeys(bomb.toAbsolutePath().toString());
        wait(Duration.ofSeconds(30)).until(b -> error.getText().startsWith("Image too large"));
        assertThat(error.getText()).contains("20000 x 20000");
        assertThat(browser.findElement(By.id("compare")).isDisplayed()).isFalse();
    }

    private static long naturalWidth(WebElement image) {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth;", image))
                .longValue();
    }

    private static WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

    /** A small test chart: colour bars, a diagonal and a circle. */
    private static BufferedImage chart(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Color[] bars = {Color.WHITE, Color.YELLOW, Color.CYAN, Color.GREEN, Color.MAGENTA, Color.RED, Color.BLUE};
        for (int i = 0; i < bars.length; i++) {
            g.setColor(bars[i]);
            g.fillRect(i * width / bars.length, 0, width / bars.length + 1, height / 2);
        }
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, height / 2, width, height / 2);
        g.setColor(Color.ORANGE);
        g.drawLine(0, height - 1, width - 1, height / 2);
        g.fillOval(width / 3, height / 2 + 2, height / 3, height / 3);
        g.dispose();
        return image;
    }

    private static Optional<Path> executable(String... names) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin"
                + File.pathSeparator + "/usr/lib/chromium";
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
