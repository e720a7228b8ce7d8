#pragma once

#include "core/Session.h"

#include <QByteArray>
#include <QList>

namespace arr::emulator {

// The v1 list answer {"sessions":[...]}, each session as arr::v1::encodeProperties() gives it,
// written straight to text: a list of thousands of sessions is answered without building a
// document tree first.
QByteArray encodeSessionList(const QList<Session> &sessions);

} // namespace arr::emulator
