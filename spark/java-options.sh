# Sourced by ./reconsim (--engine spark) and tools/spark-cluster.sh: the JVM options a Spark JVM needs on
# Java 17+, which Spark's own launcher (spark-submit, spark-class) would add. They are Spark's
# JavaModuleOptions.DEFAULT_MODULE_OPTIONS (spark-launcher 4.2.0), in its order; spark/pom.xml (surefire's
# argLine) carries the same list. Left out: --add-modules=jdk.incubator.vector, which only makes every JVM
# print "Using incubator modules" (the RDD API does not use the Vector API).
# shellcheck shell=bash disable=SC2034
SPARK_JAVA_OPTIONS=(
  -XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  -Dio.netty.tryReflectionSetAccessible=true
  -Dio.netty.allocator.type=pooled
  -Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE
  --sun-misc-unsafe-memory-access=allow
  --enable-native-access=ALL-UNNAMED
)
