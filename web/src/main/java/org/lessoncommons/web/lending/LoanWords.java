package org.lessoncommons.web.lending;

import org.lessoncommons.storage.lending.LoanState;

/** Loan states in the words of problem details (pages take theirs from the messages bundle). */
final class LoanWords {

    private LoanWords() {}

    static String state(LoanState state) {
        return switch (state) {
            case REQUESTED -> "已申请";
            case APPROVED -> "已批准";
            case CHECKED_OUT -> "已借出";
            case RETURNED -> "已归还";
            case REJECTED -> "已拒绝";
            case CANCELLED -> "已取消";
        };
    }
}
