#!/usr/bin/env bash
# Installs what the project needs beyond the .NET SDK, idempotently:
#  - GOV.UK Frontend and accessible-autocomplete from npm (web-assets/node_modules), for published
#    sites and the web app;
#  - Debian's chromium-headless-shell (the same Chromium release without the desktop browser around Blink), which
#    the browser and accessibility tests drive and the web app prints its PDFs with, for a third of the CPU
#    (tests/Shared/Chromium.cs, YoursPdf), and Debian's chromium, used where the shell is missing (never a
#    downloaded browser);
#  - Debian's fonts-noto-core, for the translated pages and their PDFs (issue 27): Noto Sans Arabic
#    and Noto Naskh Arabic (Arabic, Persian, Pashto) and Noto Sans Ethiopic (Tigrinya). Licence: SIL
#    Open Font License 1.1 (/usr/share/doc/fonts-noto-core/copyright), free to embed in a PDF;
#  - Debian's fonts-noto-color-emoji, for the picture symbols of Easy Read pages and their PDFs (OFL 1.1);
# Safe to run again: each step is skipped when already done.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { $SUDO apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}
# Whether fontconfig knows a font family. Not `fc-list | grep -q`: grep -q stops at the first match, fc-list
# then dies of SIGPIPE and, under pipefail, the pipeline fails, so the fonts were installed again (apt-get update
# included) on every run that had them (issue 30).
has_font() { fc-list 2>/dev/null | grep -F "$1" >/dev/null; }

if [ ! -f "$here/web-assets/node_modules/govuk-frontend/package.json" ] \
   || [ ! -f "$here/web-assets/node_modules/accessible-autocomplete/package.json" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "setup: installing nodejs and npm (apt-get)" >&2
    apt_install nodejs npm
  fi
  echo "setup: installing govuk-frontend and accessible-autocomplete (npm)" >&2
  (cd "$here/web-assets" && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "${LOCALOFFER_SKIP_BROWSER:-}" != "1" ] && ! command -v chromium >/dev/null 2>&1; then
  echo "setup: installing chromium (apt-get)" >&2
  apt_install chromium
fi

if [ "${LOCALOFFER_SKIP_BROWSER:-}" != "1" ] && ! command -v chromium-headless-shell >/dev/null 2>&1; then
  echo "setup: installing chromium-headless-shell (apt-get): the browser tests' and the PDFs' Chromium" >&2
  apt_install chromium-headless-shell
fi

if [ "${LOCALOFFER_SKIP_BROWSER:-}" != "1" ] && ! has_font "Noto Sans Ethiopic"; then
  echo "setup: installing fonts-noto-core (apt-get): Arabic and Ethiopic scripts for translated pages and PDFs" >&2
  apt_install fonts-noto-core fontconfig
fi

# Easy Read puts a picture symbol (an emoji) beside each point: without a colour emoji font Chromium draws
# each as an empty box, on the page and in the PDF it prints. Licence: SIL Open Font License 1.1.
if [ "${LOCALOFFER_SKIP_BROWSER:-}" != "1" ] && ! has_font "Noto Color Emoji"; then
  echo "setup: installing fonts-noto-color-emoji (apt-get): the symbols of Easy Read pages and their PDFs" >&2
  apt_install fonts-noto-color-emoji fontconfig
fi

# pdffonts and pdftotext: the tests check that a translated PDF embeds a font for its script.
if [ "${LOCALOFFER_SKIP_BROWSER:-}" != "1" ] && ! command -v pdffonts >/dev/null 2>&1; then
  echo "setup: installing poppler-utils (apt-get): pdffonts and pdftotext for the PDF tests" >&2
  apt_install poppler-utils
fi
