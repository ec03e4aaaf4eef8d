# Shared by the scripts: where the application and Spark's jars are, and building them when stale.
# Sourced, not run.

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
app_jar=$root/spark-jobs/target/dlspark-0.1.0-SNAPSHOT.jar
spark_classpath_file=$root/spark-runtime/target/spark-classpath.txt

# True when the application jar or Spark's classpath is missing or older than a source or pom.
app_is_stale() {
  [[ ! -f $app_jar || ! -f $spark_classpath_file ]] && return 0
  [[ -n $(find "$root/pom.xml" "$root/model-zoo" "$root/spark-jobs" "$root/spark-runtime/pom.xml" \
      -newer "$app_jar" -type f \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) \
      -print -quit) ]]
}

# Builds the application jar and Spark's classpath file when stale.
ensure_built() {
  if app_is_stale; then
    echo "$(basename "$0"): building the application (mvn package)..." >&2
    (cd "$root" && mvn -B -q -DskipTests -pl spark-runtime,spark-jobs -am package) >&2
  fi
}

# glibc hands ND4J's large native buffers back to the kernel when freed and gets them zeroed again on the next
# allocation (7% of a worker's time in clear_page); these thresholds, unless set already, keep them for reuse:
# 5-15% faster steps. SparkContexts gives executors the same.
keep_native_buffers() {
  export MALLOC_MMAP_THRESHOLD_=${MALLOC_MMAP_THRESHOLD_:-268435456} MALLOC_TRIM_THRESHOLD_=${MALLOC_TRIM_THRESHOLD_:-1073741824}
}

# Spark's jars, as a classpath.
spark_classpath() {
  cat "$spark_classpath_file"
}
