#pragma once

#include "core/TimeSpan.h"

#include <QDialog>
#include <QList>

#include <memory>
#include <optional>

namespace Ui {
class ExtendSessionDialog;
}

namespace arr {

// A session to extend, as the table shows it when the dialog opens.
struct ExtendTarget
{
    QString account;
    QString sessionId;
    TimeSpan currentLease;
    std::optional<TimeSpan> remaining;
};

// Extends the lease of one or more sessions: by an amount ("+30 min", "+1 h", or any), or to a new
// total. Shows each session's current lease, time remaining and the lease it would get; the new lease
// must exceed the current one and stay within 24 hours, and Extend is enabled only when it does for
// every session.
class ExtendSessionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExtendSessionDialog(const QList<ExtendTarget> &targets, QWidget *parent = nullptr);
    ~ExtendSessionDialog() override;

    QList<ExtendTarget> targets() const { return m_targets; }
    // The lease a target would get; nullopt while the amount typed is not a number.
    std::optional<TimeSpan> newLeaseFor(const ExtendTarget &target) const;
    // Empty when Extend is enabled.
    QString problem() const { return m_problem; }

    void extendBy(TimeSpan amount);
    void setTotal(TimeSpan total);

Q_SIGNALS:
    // "Keep alive…" was chosen for the one session (the dialog then closes).
    void keepAliveRequested();

private:
    void validate();

    std::unique_ptr<Ui::ExtendSessionDialog> m_ui;
    QList<ExtendTarget> m_targets;
    QString m_problem;
};

} // namespace arr
