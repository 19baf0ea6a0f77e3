package org.lessoncommons.web.preparation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.lessoncommons.storage.Blob;
import org.lessoncommons.storage.BlobStore;
import org.lessoncommons.storage.Blobs;
import org.lessoncommons.storage.preparation.PreparationPackage;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes a package as a ZIP: each file under its position and name (UTF-8 names, flagged as such),
 * streamed from the object store one at a time, then an {@code index.html} in Chinese that lists
 * them with their notes, the package's details and its plan.
 */
@Component
class PackageExport {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final Blobs blobs;
    private final BlobStore blobStore;

    PackageExport(Blobs blobs, BlobStore blobStore) {
        this.blobs = blobs;
        this.blobStore = blobStore;
    }

    record Written(String entryName, PackageContents.Entry entry) {}

    void write(PreparationPackage p, String groupName, PackageContents.Contents contents, OutputStream out)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<Written> written = new ArrayList<>();
        for (PackageContents.Entry entry : contents.entries()) {
            Blob blob = blobs.findById(entry.material().sha256()).orElse(null);
            if (blob == null) {
                continue;
            }
            String name = "%02d-%s"
                    .formatted(written.size() + 1, safeName(entry.material().fileName()));
            zip.putNextEntry(new ZipEntry("files/" + name));
            try (InputStream in = blobStore.get(blob.objectKey())) {
                in.transferTo(zip);
            }
            zip.closeEntry();
            written.add(new Written("files/" + name, entry));
        }
        zip.putNextEntry(new ZipEntry("index.html"));
        zip.write(index(p, groupName, written).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    String index(PreparationPackage p, String groupName, List<Written> written) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>")
                .append(esc(p.topic()))
                .append(" · 备课包</title>\n<style>body{font-family:sans-serif;max-width:50rem;margin:2rem auto;")
                .append("line-height:1.6}td,th{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left}")
                .append("pre{white-space:pre-wrap;background:#f6f6f2;padding:1rem}</style></head>\n<body>\n")
                .append("<h1>")
                .append(esc(p.topic()))
                .append("</h1>\n<dl>\n");
        field(html, "备课组", groupName);
        field(html, "学科", p.subject().label());
        field(html, "年级", p.grade().label());
        field(html, "教材版本", p.edition());
        field(html, "章节", p.chapter());
        field(html, "导出时间", DAY.format(java.time.Instant.now()));
        html.append("</dl>\n<h2>资源（").append(written.size()).append(" 份）</h2>\n");
        html.append("<table>\n<tr><th>序号</th><th>资源</th><th>类型</th><th>学校</th><th>备注</th></tr>\n");
        for (int i = 0; i < written.size(); i++) {
            Written w = written.get(i);
            html.append("<tr><td>")
                    .append(i + 1)
                    .append("</td><td><a href=\"")
                    .append(esc(w.entryName()))
                    .append("\">")
                    .append(esc(w.entry().material().title()))
                    .append("</a></td><td>")
                    .append(esc(w.entry().material().resourceType().label()))
                    .append("</td><td>")
                    .append(esc(w.entry().schoolName()))
                    .append("</td><td>")
                    .append(esc(w.entry().item().note()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n<h2>教学设计</h2>\n<pre>")
                .append(esc(p.plan().isBlank() ? "（尚未填写）" : p.plan()))
                .append("</pre>\n</body>\n</html>\n");
        return html.toString();
    }

    /** A file name that stays one entry: no folders, no control characters. */
    static String safeName(String name) {
        String cleaned = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return cleaned.isEmpty() ? "file" : cleaned;
    }

    private static void field(StringBuilder html, String label, String value) {
        if (!value.isBlank()) {
            html.append("<dt>")
                    .append(label)
                    .append("</dt><dd>")
                    .append(esc(value))
                    .append("</dd>\n");
        }
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
