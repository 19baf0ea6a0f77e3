package org.lessoncommons.search;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * Traditional characters folded to simplified ones (靜夜思 → 静夜思), before segmentation, at index and
 * query time. ICU's {@code Traditional-Simplified} transform is applied once per character to build
 * a one-to-one character map, so offsets (and highlighting) stay exact.
 */
final class Simplified {

    private static final NormalizeCharMap MAP = map();

    private Simplified() {}

    static Reader reader(Reader reader) {
        return new MappingCharFilter(MAP, reader);
    }

    static String text(String text) {
        try (Reader reader = reader(new StringReader(text))) {
            StringBuilder simplified = new StringBuilder(text.length());
            char[] buffer = new char[256];
            for (int read = reader.read(buffer); read != -1; read = reader.read(buffer)) {
                simplified.append(buffer, 0, read);
            }
            return simplified.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NormalizeCharMap map() {
        Transliterator transform = Transliterator.getInstance("Traditional-Simplified");
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        addRange(builder, transform, 0x3400, 0x4DBF);
        addRange(builder, transform, 0x4E00, 0x9FFF);
        addRange(builder, transform, 0xF900, 0xFAFF);
        return builder.build();
    }

    private static void addRange(NormalizeCharMap.Builder builder, Transliterator transform, int first, int last) {
        for (int c = first; c <= last; c++) {
            String traditional = String.valueOf((char) c);
            String simplified = transform.transliterate(traditional);
            if (simplified.length() == 1 && !simplified.equals(traditional)) {
                builder.add(traditional, simplified);
            }
        }
    }
}
