# syntax=docker/dockerfile:1
# LessonCommons production image. Build: docker build -t lessoncommons .  (or docker compose up -d --build)

# --- Build: the Maven wrapper packages the app jar ------------------------------------------------------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
# The cache mount keeps the Maven repository between builds (BuildKit).
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw && ./mvnw -B -DskipTests package

# --- Runtime: a JRE plus the tools the ingest pipeline calls ---------------------------------------------
FROM eclipse-temurin:25-jre
# tesseract: OCR of images and scanned PDFs; ffmpeg: video posters; LibreOffice: document conversion;
# Noto CJK: Chinese glyphs for LibreOffice and OCR renders; WenQuanYi Zen Hei: the TrueType Chinese font the
# PDF reports embed (PDFBox cannot embed Noto's CFF outlines); curl: the health check.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        tesseract-ocr tesseract-ocr-chi-sim \
        ffmpeg \
        fonts-noto-cjk fonts-wqy-zenhei \
        libreoffice-writer-nogui libreoffice-impress-nogui \
        curl \
    && rm -rf /var/lib/apt/lists/*

# An unprivileged user; LibreOffice needs a writable HOME. /var/lib/lessoncommons holds the Lucene index
# (a volume in docker-compose.yml) and anything else the app writes.
RUN useradd --system --create-home --home-dir /home/lessoncommons --shell /usr/sbin/nologin lessoncommons \
    && mkdir -p /var/lib/lessoncommons/index \
    && chown -R lessoncommons:lessoncommons /var/lib/lessoncommons

COPY --from=build /src/web/target/lessoncommons-web-*.jar /opt/lessoncommons/app.jar

USER lessoncommons
WORKDIR /var/lib/lessoncommons
ENV JAVA_TOOL_OPTIONS=--add-modules=jdk.incubator.vector \
    LESSONCOMMONS_SEARCH_INDEX_DIR=/var/lib/lessoncommons/index
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-jar", "/opt/lessoncommons/app.jar"]
