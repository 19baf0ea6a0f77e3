package org.lessoncommons;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * LessonCommons: a shared teaching-resource repository for an alliance of schools. Lives in the
 * root package so that every module's configuration and repositories are found.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LessonCommonsApplication {

    public static void main(String[] args) {
        SpringApplication.run(LessonCommonsApplication.class, args);
    }
}
