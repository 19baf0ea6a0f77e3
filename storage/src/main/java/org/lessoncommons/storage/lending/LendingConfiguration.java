package org.lessoncommons.storage.lending;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LendingProperties.class)
class LendingConfiguration {}
