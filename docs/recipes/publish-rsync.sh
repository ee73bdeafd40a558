#!/bin/sh
# Publish a community's site to its own web server, e.g. from cron every morning:
#
#   30 5 * * *  cd /srv/culture && ./publish-rsync.sh >> publish.log 2>&1
#
# `culture build` writes the new site beside the old one, checks it (every page there,
# every link leading somewhere, no unpublished person anywhere) and only then swaps it
# in; when anything fails, site/ stays as it was and nothing is copied.
set -eu
SERVER="${SERVER:-culture@www.example.org}"       # who and where
TARGET="${TARGET:-/var/www/culture/}"              # the folder the web server serves

git pull --ff-only
culture check --strict
culture build --strict
# --delay-updates: the server's folder changes at once at the end, never half-copied.
rsync -a --delete --delay-updates site/ "$SERVER:$TARGET"
