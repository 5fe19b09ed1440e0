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

# The JVM options the service starts with from a checkout (scripts/klarefi, and scripts/lib/harness.py
# for the benchmarks, the evaluation and the chaos runs); ops/klarefi.service sets the same ones.
# A fixed heap of 320 MiB keeps the process under 512 MiB and the same on every machine (without a
# limit the JVM takes a quarter of the RAM and grows towards it when its collector is starved of
# CPU), and gives the API's short-lived allocations a young generation of about 100 MiB from the
# start; the serial collector costs the least CPU and memory on the two to four cores the service
# is sized for (docs/benchmarks.md, "Memory"). An out-of-memory error ends the process, so that a
# supervisor restarts it instead of it limping on with threads that died.
KLAREFI_JAVA_DEFAULTS="-XX:+UseSerialGC -Xms320m -Xmx320m -XX:+ExitOnOutOfMemoryError"

# Prints the defaults followed by $KLAREFI_JAVA_OPTS: the JVM takes the last of a repeated option,
# so the operator's win; a collector chosen there (-XX:+Use...GC) replaces the default one, as the
# JVM refuses two.
klarefi_java_options() {
    local option defaults="$KLAREFI_JAVA_DEFAULTS"
    for option in ${KLAREFI_JAVA_OPTS:-}; do
        case "$option" in
            -XX:+Use*GC) defaults="${defaults/-XX:+UseSerialGC/}" ;;
        esac
    done
    # shellcheck disable=SC2086
    echo $defaults ${KLAREFI_JAVA_OPTS:-}
}
