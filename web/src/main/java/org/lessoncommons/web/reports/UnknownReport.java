package org.lessoncommons.web.reports;

/** No report has that id. */
public class UnknownReport extends RuntimeException {

    UnknownReport(String id) {
        super("没有名为“" + id + "”的报表");
    }
}
