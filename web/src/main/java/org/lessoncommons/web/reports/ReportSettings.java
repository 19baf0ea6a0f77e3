package org.lessoncommons.web.reports;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param zone where months and semesters begin (China Standard Time)
 * @param topMaterials how many materials the "most used" report lists
 * @param pdfFonts TrueType fonts with Chinese glyphs for the PDF, the first that exists is used
 *     (Debian's fonts-wqy-zenhei; Noto CJK is OpenType/CFF, which PDFBox cannot embed)
 */
@ConfigurationProperties("lessoncommons.reports")
public record ReportSettings(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("10") int topMaterials,

        // One comma-separated string: Boot binds nothing at all for an array default on a List.
        @DefaultValue("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,"
                + "/usr/share/fonts/truetype/arphic/uming.ttc")
        List<Path> pdfFonts) {}
