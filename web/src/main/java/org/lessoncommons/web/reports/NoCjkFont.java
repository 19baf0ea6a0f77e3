package org.lessoncommons.web.reports;

/** None of the configured Chinese fonts is installed, so no PDF can be set. */
public class NoCjkFont extends RuntimeException {

    NoCjkFont(String looked) {
        super("PDF 报表需要中文字体（如 fonts-wqy-zenhei），在这些位置都没有找到：" + looked);
    }
}
