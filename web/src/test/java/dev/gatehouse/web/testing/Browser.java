package dev.gatehouse.web.testing;

import dev.gatehouse.web.auth.Accounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) driving the running test app.
 * {@link #signIn} goes through the real sign-in form. {@link #screenshot} writes to
 * {@code target/screenshots}, and also to {@code docs/screenshots} with {@code -Dgatehouse.screenshots=docs}.
 * {@link #scriptEvents()} reports any script that ran from page content (hostile-data tests).
 */
public final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private final WebDriver driver;
  private final String base;

  private Browser(WebDriver driver, String base) {
    this.driver = driver;
    this.base = base;
  }

  /** A browser against the running test app (Quarkus points RestAssured at its random port). */
  public static Browser open() {
    String base = "http://localhost:" + io.restassured.RestAssured.port;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().window().setSize(new Dimension(1400, 1000));
    return new Browser(driver, base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
  }

  public WebDriver driver() {
    return driver;
  }

  public String url(String path) {
    return base + path;
  }

  public Browser get(String path) {
    driver.get(url(path));
    return this;
  }

  /** Signs in through the form; lands on {@code /} (or wherever the app sends the user). */
  public Browser signIn(String username, String password) {
    driver.get(url("/login"));
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    submit(driver.findElement(By.id("sign-in")));
    waitFor(d -> !d.getCurrentUrl().contains("/login"));
    return this;
  }

  /** Creates an account with the role through the real service and signs in as it. */
  public Browser signInAs(Accounts accounts, String role) {
    Accounts.Created created = accounts.create(role + "-" + System.nanoTime(), role, "browser-test");
    return signIn(created.account().username(), created.password());
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  /**
   * Clicks something that loads a new page and returns once the old page is gone, so that what the
   * test reads next comes from the new one (a flash message on the old page looks just like it).
   */
  public Browser submit(WebElement element) {
    // A mark on the current document: the next one, fully loaded, does not carry it. (Waiting for
    // an element to go stale is not enough: mid-navigation, chromedriver may answer with other
    // errors than "stale", so every driver error while the page changes is waited through.)
    String mark = "page-" + System.nanoTime();
    ((JavascriptExecutor) driver).executeScript("window.__gatehousePage = arguments[0];", mark);
    element.click();
    new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(WebDriverException.class).until(d -> {
      Object page = ((JavascriptExecutor) d).executeScript(
          "return document.readyState === 'complete' ? String(window.__gatehousePage || 'next') : null;");
      return page != null && !mark.equals(page);
    });
    return this;
  }

  public Browser submit(String css) {
    return submit(find(css));
  }

  public List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition::apply);
  }

  /** Script errors, CSP refusals, and the {@code window.__pwned} marker hostile fixtures try to set. */
  public List<String> scriptEvents() {
    Object pwned = ((JavascriptExecutor) driver).executeScript("return window.__pwned === undefined ? null : String(window.__pwned);");
    List<String> events = new java.util.ArrayList<>();
    if (pwned != null) {
      events.add("window.__pwned = " + pwned);
    }
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      // HTTP statuses (a 401 on a failed sign-in) are not script; script errors and CSP refusals are.
      if (!e.getMessage().contains("favicon") && !e.getMessage().contains("Failed to load resource")) {
        events.add(e.getLevel() + " " + e.getMessage());
      }
    }
    return events;
  }

  /** Saves a PNG of the current page (full window). */
  public Path screenshot(String name) {
    try {
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Path target = Path.of("target", "screenshots", name + ".png");
      Files.createDirectories(target.getParent());
      Files.write(target, png);
      if ("docs".equals(System.getProperty("gatehouse.screenshots"))) {
        Path docs = Path.of("..", "docs", "screenshots", name + ".png");
        Files.createDirectories(docs.getParent());
        Files.write(docs, png);
      }
      return target;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
