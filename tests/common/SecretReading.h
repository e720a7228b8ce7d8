#pragma once

#include "storage/SecretStore.h"

// Reads a secret and waits for the answer (at most 30 s): what a test checks after the app stored
// or removed a key.
arr::SecretResult readSecretAndWait(arr::SecretStore &store, const QString &name);
