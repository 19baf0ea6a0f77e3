package org.lessoncommons.web.accounts;

import java.util.UUID;

/** No account with that id that the viewer administers (404). */
public class AccountNotFound extends RuntimeException {

    public AccountNotFound(UUID id) {
        super("没有编号为 " + id + " 的账号");
    }
}
