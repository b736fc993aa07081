"""repwatch: a verified, mapped record of North Koreans arrested in China and forcibly returned."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("repwatch")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
