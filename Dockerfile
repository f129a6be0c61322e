# hotline — container image.
# The service needs DATABASE_URL in a container (the embedded PostgreSQL is for local runs);
# compose.yaml sets it. HOTLINE_ENV is deliberately not set here: compose (or the operator) decides.

# ---- build -------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk-jammy AS build
WORKDIR /src

# Dependency layer: only changes when the wrapper or the pom changes.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
# (pom.xml pins maven-dependency-plugin 3.9.0: older go-offline fails on an unpublished optional
# dependency of jdbi3-postgres.)
RUN chmod +x mvnw \
    && ./mvnw -B -q dependency:go-offline

COPY src/ src/
RUN ./mvnw -B -q -DskipTests package

# ---- runtime -----------------------------------------------------------------------------
FROM eclipse-temurin:17-jre-jammy

# curl for the HEALTHCHECK (installed only if the base image lacks it).
RUN if ! command -v curl >/dev/null 2>&1; then \
      apt-get update \
      && apt-get install -y --no-install-recommends curl ca-certificates \
      && rm -rf /var/lib/apt/lists/*; \
    fi

RUN groupadd --system --gid 10001 hotline \
    && useradd --system --uid 10001 --gid hotline --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin hotline

WORKDIR /app
COPY --from=build /src/target/hotline.jar /app/hotline.jar
COPY config/ /app/config/
COPY flows/ /app/flows/
# ./data/ is where a local run keeps generated files; it must be writable by the service user.
# ./target/ takes the class-data archive below.
RUN mkdir -p /app/data /app/target && chown hotline:hotline /app/data /app/target

USER 10001:10001
# The class-data archive config/jvm.options names (/app/target/hotline.jsa), made here by this
# image's JVM for this jar at the path the entrypoint gives it: one training start on a throwaway
# embedded PostgreSQL in a temporary folder (deleted again) with a made-up key and Twilio account,
# stopped once healthy. It takes start-up to healthy from about 5.5 s to 3 s (README, "Memory and
# start-up"); without it the service starts as before, so a training start that fails (it needs
# the embedded PostgreSQL to run in this image) costs the archive, never the image.
RUN config/cds-train /app/hotline.jar \
    || echo "no class-data archive made: the service starts without it (slower, nothing else differs)"
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS --max-time 4 "http://localhost:${PORT:-8080}/health" >/dev/null || exit 1

# The JVM settings are config/jvm.options (copied above), as in every run command of the README.
ENTRYPOINT ["java", "@/app/config/jvm.options", "-jar", "/app/hotline.jar"]
