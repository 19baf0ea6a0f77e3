package org.lessoncommons.storage;

import org.springframework.data.repository.ListCrudRepository;

public interface Blobs extends ListCrudRepository<Blob, String> {}
