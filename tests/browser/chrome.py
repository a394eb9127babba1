"""Headless Debian Chromium driven by Selenium through the system chromedriver (no downloads)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
DRIVERS = ("chromedriver", "chromium-driver")


def find_browser() -> tuple[str, str] | None:
    """(browser binary, chromedriver) from PATH or the usual Debian places, or None."""
    extra = os.pathsep.join(["/usr/bin", "/usr/lib/chromium", "/usr/lib/chromium-browser"])
    path = os.environ.get("PATH", "") + os.pathsep + extra
    browser = next((b for b in map(lambda n: shutil.which(n, path=path), CHROMIUM) if b), None)
    driver = next((d for d in map(lambda n: shutil.which(n, path=path), DRIVERS) if d), None)
    return (browser, driver) if browser and driver else None


def start_chrome(browser: str, driver: str, width: int = 1400, height: int = 1000):
    """A Selenium WebDriver for headless Chromium; the flags keep it offline and sandbox-free."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = browser
    for flag in ("--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu",
                 "--disable-dev-shm-usage", "--disable-extensions", "--no-first-run", "--lang=zh-CN",
                 f"--window-size={width},{height}"):
        opts.add_argument(flag)
    return webdriver.Chrome(service=Service(executable_path=driver), options=opts)


def screenshot_dir() -> Path:
    """Where screenshots go: GOVKG_SCREENSHOTS, else out/screenshots in the repo."""
    d = Path(os.environ.get("GOVKG_SCREENSHOTS") or Path(__file__).resolve().parents[2] / "out" / "screenshots")
    d.mkdir(parents=True, exist_ok=True)
    return d


def set_viewport(driver, width: int | None, height: int = 900) -> None:
    """Emulate a screen ``width`` CSS pixels wide (headless Chromium's window cannot be narrower than
    500 px); None restores the window's own size."""
    if width is None:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    else:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
