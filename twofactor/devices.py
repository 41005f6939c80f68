"""The authenticator app of a user: one confirmed django-otp TOTP device per account."""

import base64
import io
import time

import qrcode
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key
from qrcode.image.svg import SvgPathFillImage

DEVICE_NAME = "Authenticator-app"


def device_of(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def new_key():
    return default_key()


def unsaved_device(user, key):
    return TOTPDevice(user=user, key=key, name=DEVICE_NAME)


def accept_first_code(device, code):
    """Whether the app shows the same codes as the unsaved device; if so the device remembers the code's time
    step (so it cannot be used again) and the app's clock drift."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if not totp.verify(int(code), device.tolerance):
        return False
    device.last_t = totp.t()
    device.drift = totp.drift
    return True


def activate(device):
    device.confirmed = True
    device.save()


def remove_devices(user):
    TOTPDevice.objects.devices_for_user(user, confirmed=None).delete()


def readable_secret(device):
    """The key as an app expects it when typed in: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_data_uri(device):
    """The configuration URL as an SVG QR code in a data: URI, which the admin's Content-Security-Policy allows.
    Its white background keeps it readable for a camera in the admin's dark theme too."""
    svg = io.BytesIO()
    qrcode.make(device.config_url, image_factory=SvgPathFillImage).save(svg)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.getvalue()).decode()
