#pragma once

#include "core/TimeSpan.h"
#include "workspace/KeepAlivePolicy.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLayout;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTimeEdit;

namespace arr {

class Clock;

// Asks how long to keep one session alive: until a time of day, or up to a total lease, extended by
// a step whenever less than a set time is left. Says what the policy will do (when the session will
// stop at the latest) before it is accepted, and offers to end a policy already in force.
class KeepAliveDialog : public QDialog
{
    Q_OBJECT

public:
    struct Target
    {
        QString account;
        QString sessionId;
        std::optional<TimeSpan> lease;
        // The policy in force, if any.
        std::optional<KeepAliveSpec> current;
    };

    KeepAliveDialog(const Target &target, const Clock *clock, QWidget *parent = nullptr);

    const Target &target() const { return m_target; }
    // The policy as entered; meaningful when problem() is empty.
    KeepAliveSpec spec() const;
    // Empty when "Keep alive" is enabled.
    QString problem() const { return m_problem; }

Q_SIGNALS:
    // "Stop keeping alive" was chosen (the dialog then closes).
    void cancelPolicyRequested();

private:
    // The bound (a time of day or a total lease), the step and when to extend, each with its label.
    QLayout *createForm();
    void validate();
    void load(const KeepAliveSpec &spec);

    Target m_target;
    const Clock *m_clock;
    QRadioButton *m_untilChoice;
    QTimeEdit *m_untilEdit;
    QRadioButton *m_leaseChoice;
    QLineEdit *m_leaseEdit;
    QLineEdit *m_stepEdit;
    QLineEdit *m_beforeEdit;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
    QPushButton *m_cancelPolicy = nullptr;
    QString m_problem;
};

} // namespace arr
