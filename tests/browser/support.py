"""What the browser tests share: screen sizes, the pytest marks, and the axe-core and Nu Html Checker runs."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
BROWSER_TEST = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NODE_MODULES = settings.BASE_DIR / "node_modules"
ARTIFACTS = settings.BASE_DIR / "test-artifacts"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def axe_violations(page):
    """axe-core's violations on the page as shown, all rules included, as readable lines. The site's
    Content-Security-Policy refuses injected scripts, so the page's browser context must bypass it."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets(violation)}" for violation in violations]


def targets(violation):
    return ", ".join(str(node["target"]) for node in violation["nodes"])


def java():
    found = shutil.which("java") or next(iter(sorted(Path("/usr/lib/jvm").glob("*/bin/java"), reverse=True)), None)
    if not found:
        pytest.fail("no Java runtime for the Nu Html Checker")
    return str(found)


def html_errors(files):
    """The Nu Html Checker's errors for saved HTML files (warnings and notes are left out)."""
    result = subprocess.run(
        [java(), "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    messages = json.loads(result.stdout)["messages"]
    return [
        f"{Path(message.get('url', '')).name}:{message.get('lastLine', '?')}: {message['message']}"
        for message in messages
        if message["type"] in ("error", "non-document-error")
    ]


def save_screenshot(page, name):
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    page.screenshot(path=str(folder / f"{name}-{width}.png"), full_page=True)
