// Ingestion: inbox watching, claiming, workers, outbox writing, quarantine, recovery.
