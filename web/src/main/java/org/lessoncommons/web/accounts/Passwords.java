package org.lessoncommons.web.accounts;

import java.security.SecureRandom;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** New passwords: one-time ones for invitations, and the rules a chosen password must meet. */
@Component
class Passwords {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;

    /** No 0/O, 1/l/I: a one-time password is read aloud or copied from a screen. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static final int ONE_TIME_LENGTH = 12;

    private final SecureRandom random = new SecureRandom();
    private final PasswordEncoder encoder;

    Passwords(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    String oneTime() {
        StringBuilder password = new StringBuilder(ONE_TIME_LENGTH);
        for (int i = 0; i < ONE_TIME_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** The reason a chosen password is refused, in words for a teacher; empty when it is fine. */
    static String problem(String password) {
        if (password.length() < MIN_LENGTH) {
            return "密码至少 " + MIN_LENGTH + " 个字符";
        }
        if (password.length() > MAX_LENGTH) {
            return "密码最多 " + MAX_LENGTH + " 个字符";
        }
        if (password.chars().allMatch(Character::isDigit) || password.chars().allMatch(Character::isLetter)) {
            return "密码须同时包含字母和数字（或其他符号）";
        }
        return "";
    }
}
