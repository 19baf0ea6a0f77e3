package org.lessoncommons.web;

/** A program or script, not a teaching resource: refused before anything is stored. */
class UnsupportedUpload extends RuntimeException {

    UnsupportedUpload(String fileName) {
        super("不能上传程序或脚本文件: " + fileName);
    }
}
