package org.lessoncommons.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The material has no preview of that kind (its type is not shown inline, or no PDF was made). */
class NoPreview extends RuntimeException {

    NoPreview(@Nullable UUID id) {
        super(id == null ? "这份资源没有可在线预览的版本，请下载查看" : "这份资源（" + id + "）不能在浏览器中直接预览，请下载查看");
    }
}
