# Sourced by Klarefi's scripts: finds a Java 25 (or newer) and exports JAVA_HOME and JAVA.
# Order: $JAVA_HOME if it is new enough, then JDKs under /usr/lib/jvm, then java on the PATH.

klarefi_java_major() {
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1 | cut -d. -f1
}

klarefi_find_java() {
    local candidate major
    for candidate in ${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/*; do
        [ -x "$candidate/bin/java" ] || continue
        major=$(klarefi_java_major "$candidate/bin/java")
        if [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    if command -v java >/dev/null 2>&1; then
        major=$(klarefi_java_major "$(command -v java)")
        if [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null; then
            dirname "$(dirname "$(readlink -f "$(command -v java)")")"
            return 0
        fi
    fi
    return 1
}

if ! KLAREFI_JAVA_HOME=$(klarefi_find_java); then
    cat >&2 <<'MSG'
Klarefi needs Java 25 or newer, and none was found (checked $JAVA_HOME, /usr/lib/jvm/* and the PATH).
Install Eclipse Temurin 25 (https://adoptium.net, or the temurin-25-jdk package from Adoptium's
Debian repository) into /usr/lib/jvm, or set JAVA_HOME to a Java 25 installation, and run this again.
MSG
    exit 1
fi
export JAVA_HOME="$KLAREFI_JAVA_HOME"
export JAVA="$JAVA_HOME/bin/java"
