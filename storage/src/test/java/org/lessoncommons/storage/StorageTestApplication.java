package org.lessoncommons.storage;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
class StorageTestApplication {}
