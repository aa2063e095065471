#!/bin/sh
# Install Resolution Desk from this unpacked folder: the program, the `resdesk` command, the menu
# entry, the icon and the .resdesk file type. For the user running it (into ~/.local, no root
# needed), or with --prefix /usr/local for everyone (as root). --uninstall removes what it installed.
#
#   ./install.sh                      ./install.sh --prefix /usr/local
#   ./install.sh --uninstall          ./install.sh --prefix /usr/local --uninstall
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix="${HOME}/.local"
action=install
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix="$2"; shift 2 ;;
        --prefix=*) prefix="${1#--prefix=}"; shift ;;
        --uninstall) action=uninstall; shift ;;
        *) echo "install.sh: error: unknown option $1 (use --prefix DIR, --uninstall)." >&2; exit 2 ;;
    esac
done

program="$prefix/lib/resdesk"
desktop="$prefix/share/applications/resolution-desk.desktop"
mime="$prefix/share/mime/packages/resdesk-mime.xml"
icon="$prefix/share/icons/hicolor/scalable/apps/resdesk.svg"

refresh() {
    if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$prefix/share/mime"; fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$prefix/share/applications" 2>/dev/null || true
    fi
}

if [ "$action" = uninstall ]; then
    rm -rf "$program"
    rm -f "$prefix/bin/resdesk" "$desktop" "$mime" "$icon"
    refresh
    echo "Resolution Desk removed from $prefix."
    exit 0
fi

if [ "$here" != "$program" ]; then
    rm -rf "$program"
    mkdir -p "$program"
    cp -R "$here/." "$program/"
fi
mkdir -p "$prefix/bin" "$(dirname "$desktop")" "$(dirname "$mime")" "$(dirname "$icon")"
ln -sf "$program/resdesk" "$prefix/bin/resdesk"
# The menu starts the program by its full path: ~/.local/bin is not on every session's PATH.
sed "s|^Exec=resdesk |Exec=\"$program/resdesk\" |" "$here/linux/resolution-desk.desktop" > "$desktop"
cp "$here/linux/resdesk-mime.xml" "$mime"
cp "$here/linux/resdesk.svg" "$icon"
refresh
echo "Resolution Desk installed in $program; the command is $prefix/bin/resdesk."
