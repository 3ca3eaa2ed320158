#!/usr/bin/python3
"""The reviewers' desk in a real browser (issue 14): headless Chromium from Debian, driven by
python3-selenium, against `formpipe serve` on a loopback port over a store filled from samples/,
with `formpipe watch` taking uploads. Keeps a screenshot of every page in SHOTS.

usage: desk_browser_test.py FORMPIPE SOURCE_DIR SHOTS_DIR
"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

AS_OF = "2025-11-20"
PASSWORD = "reviewer password 1"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    formpipe, source, shots = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(shots, exist_ok=True)
    os.environ.setdefault("FORMPIPE_DATA_DIR", source)
    work = tempfile.mkdtemp(prefix="formpipe-desk-browser-")
    processes = []
    driver = None
    try:
        inbox, out = os.path.join(work, "inbox"), os.path.join(work, "out")
        os.makedirs(inbox)
        samples = os.path.join(source, "samples")
        for name in os.listdir(samples):
            if name == "README.md":
                continue
            path = os.path.join(samples, name)
            (shutil.copytree if os.path.isdir(path) else shutil.copy)(path, os.path.join(inbox, name))
        run = subprocess.run([formpipe, "run", inbox, "--out", out, "--as-of", AS_OF],
                             stdout=subprocess.DEVNULL)
        assert run.returncode in (0, 1), run.returncode
        pw = os.path.join(work, "pw")
        with open(pw, "w") as f:
            f.write(PASSWORD + "\n")
        subprocess.run([formpipe, "user", "add", "ann", "--out", out, "--password-file", pw],
                       check=True, stdout=subprocess.DEVNULL)

        port = free_port()
        base = "http://127.0.0.1:%d" % port
        log = open(os.path.join(work, "desk.log"), "w")
        processes.append(subprocess.Popen(
            [formpipe, "watch", inbox, "--out", out, "--as-of", AS_OF, "--settle", "1"],
            stdout=log, stderr=log))
        processes.append(subprocess.Popen(
            [formpipe, "serve", "--out", out, "--inbox", inbox, "--listen", "127.0.0.1:%d" % port],
            stdout=log, stderr=log))
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/login", timeout=1)
                break
            except OSError:
                time.sleep(0.1)

        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                         "--window-size=1280,1000", "--disable-dev-shm-usage"):
            options.add_argument(argument)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        driver.implicitly_wait(2)

        def click_and_wait(element):
            """Clicks a link or button and waits until the next page has replaced this one."""
            page = driver.find_element(By.TAG_NAME, "html")
            element.click()

            def replaced(_):
                try:
                    page.is_enabled()  # raises once the page is gone
                    return False
                except WebDriverException:  # stale, or "does not belong to the document"
                    return True
            WebDriverWait(driver, 20).until(replaced)

        def shot(name):
            height = driver.execute_script("return document.documentElement.scrollHeight")
            driver.set_window_size(1280, min(max(height + 120, 600), 4000))
            driver.save_screenshot(os.path.join(shots, name + ".png"))

        # Sign in.
        driver.get(base + "/")
        assert driver.current_url == base + "/login", driver.current_url
        shot("01-login")
        driver.find_element(By.ID, "name").send_keys("ann")
        driver.find_element(By.ID, "password").send_keys(PASSWORD)
        click_and_wait(driver.find_element(By.CSS_SELECTOR, "form.login button"))
        assert "Signed in as" in driver.page_source
        shot("02-submissions")

        # Filter to rejected grant proposals and open one.
        Select(driver.find_element(By.ID, "status")).select_by_value("rejected")
        Select(driver.find_element(By.ID, "form")).select_by_value("cet-grant-proposal")
        click_and_wait(driver.find_element(By.CSS_SELECTOR, "form.filters button"))
        rows = driver.find_elements(By.CSS_SELECTOR, "table.list tbody tr")
        assert len(rows) >= 2, len(rows)
        for row in rows:
            assert "rejected" in row.text and "cet-grant-proposal" in row.text, row.text
        shot("03-rejected-grant-proposals")
        budget = [a for a in driver.find_elements(By.CSS_SELECTOR, "table.list a")
                  if "budget-caps" in a.text][0]
        click_and_wait(budget)
        rule = driver.find_element(By.CSS_SELECTOR, "table.findings code.rule").text
        citation = driver.find_element(By.CSS_SELECTOR, "table.findings td.citation").text
        assert rule.startswith("GRANT-"), rule
        assert citation, "a finding without citation"
        assert driver.find_elements(By.CSS_SELECTOR, "svg.chart")
        submission_url = driver.current_url
        shot("04-submission")

        # Its compliance summary PDF.
        pdf_link = driver.find_element(By.LINK_TEXT, "compliance-summary.pdf")
        pdf_url = pdf_link.get_attribute("href")
        cookie = driver.get_cookie("formpipe_session")
        assert cookie["httpOnly"] and cookie["sameSite"] == "Strict", cookie
        request = urllib.request.Request(pdf_url,
                                         headers={"Cookie": "formpipe_session=" + cookie["value"]})
        with urllib.request.urlopen(request) as reply:
            assert reply.headers["Content-Type"] == "application/pdf"
            assert reply.read(5) == b"%PDF-"
        pdf_link.click()
        time.sleep(1)
        shot("05-compliance-summary-pdf")

        # What is due: an overdue diary sheet.
        driver.get(base + "/due?as-of=" + AS_OF)
        overdue = driver.find_element(By.ID, "overdue").find_element(By.XPATH, "..")
        assert "diary-sheet" in overdue.text and "overdue" in overdue.text, overdue.text
        assert driver.find_elements(By.CSS_SELECTOR, "svg.strip")
        shot("06-due")

        # Upload a new submission with watch running and see it appear.
        with open(os.path.join(samples, "declination-letter.valid.xml"), "rb") as f:
            data = f.read()
        upload = os.path.join(work, "declination-from-the-desk.xml")
        with open(upload, "wb") as f:
            f.write(data + b"\n<!-- uploaded from the desk -->\n")
        driver.get(base + "/upload")
        driver.find_element(By.ID, "file").send_keys(upload)
        click_and_wait(driver.find_element(By.CSS_SELECTOR, "main form button"))
        assert "is in the inbox" in driver.page_source
        shot("07-uploaded")
        click_and_wait(driver.find_element(By.PARTIAL_LINK_TEXT, "submission "))
        for _ in range(60):
            if "declination-from-the-desk.xml" in driver.find_element(By.TAG_NAME, "h1").text:
                break
            time.sleep(0.5)
            driver.refresh()
        assert "declination-from-the-desk.xml" in driver.find_element(By.TAG_NAME, "h1").text
        shot("08-uploaded-processed")

        # Record a decision and see it in the history.
        driver.get(submission_url)
        driver.find_element(By.ID, "decision-returned").click()
        driver.find_element(By.ID, "note").send_keys("Equipment over the 50% cap; please revise.")
        click_and_wait(driver.find_element(By.CSS_SELECTOR, "form.decision button"))
        history = driver.find_element(By.CSS_SELECTOR, "ol.history").text
        assert "returned by ann: Equipment over the 50% cap; please revise." in history, history
        shot("09-decision")

        # 200% zoom: the same page at half the width reflows without a horizontal scroll bar.
        driver.get(base + "/?status=rejected")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 640, "height": 1000, "deviceScaleFactor": 2,
                                "mobile": False})
        wide = driver.execute_script(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1")
        driver.save_screenshot(os.path.join(shots, "10-submissions-200-percent.png"))
        assert not wide, "horizontal scrolling at 200%"
        print("desk browser test passed; screenshots in", shots)
    finally:
        if driver:
            driver.quit()
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
