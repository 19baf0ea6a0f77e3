package org.lessoncommons.storage.lending;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rules of the lending library.
 *
 * @param loanDays how long a loan runs from check-out, and how much a renewal adds from today
 * @param maxLoanDays the furthest due date a desk may set at check-out
 * @param maxRenewals renewals allowed per loan
 * @param reminderDays loans due within this many days are on the reminders list
 * @param pickupDays a copy offered to the first in a title's queue is kept for them this many days;
 *     not checked out by then, the offer lapses and the copy goes to the next in the queue
 * @param zone the day a copy is due is a day in this zone (China time)
 */
@Validated
@ConfigurationProperties("lessoncommons.lending")
public record LendingProperties(
        @DefaultValue("28") @Min(1) @Max(365) int loanDays,
        @DefaultValue("180") @Min(1) @Max(730) int maxLoanDays,
        @DefaultValue("2") @Min(0) @Max(20) int maxRenewals,
        @DefaultValue("3") @Min(0) @Max(60) int reminderDays,
        @DefaultValue("7") @Min(1) @Max(60) int pickupDays,
        @DefaultValue("Asia/Shanghai") ZoneId zone) {}
