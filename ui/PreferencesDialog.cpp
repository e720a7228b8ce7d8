#include "ui/PreferencesDialog.h"

#include "storage/Settings.h"
#include "ui/SessionStyle.h"
#include "ui/WidgetHelpers.h"
#include "ui_PreferencesDialog.h"

#include <QPushButton>

namespace arr {

PreferencesDialog::PreferencesDialog(Settings *settings, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PreferencesDialog>())
    , m_settings(settings)
{
    m_ui->setupUi(this);
    m_ui->pollSpin->setMinimum(Settings::MinimumPollIntervalSeconds);
    m_ui->pollSpin->setValue(settings->pollIntervalSeconds());
    m_ui->warningSpin->setValue(settings->warningThresholdMinutes());
    m_ui->criticalSpin->setValue(settings->criticalThresholdMinutes());
    m_ui->expirySpin->setValue(settings->expiryNotificationMinutes());
    m_ui->notificationsBox->setChecked(settings->value(Settings::Key::NotificationsEnabled).toBool());
    m_ui->pollSpin->setToolTip(tr("The service asks clients to keep at least %1 seconds between calls.")
                                   .arg(Settings::MinimumPollIntervalSeconds));
    styleAsProblem(m_ui->problemLabel);

    for (QSpinBox *spin : {m_ui->pollSpin, m_ui->warningSpin, m_ui->criticalSpin, m_ui->expirySpin})
        whenSpinBoxEdited(spin, this, [this] { validate(); });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::validate()
{
    QString problem;
    for (QSpinBox *spin : {m_ui->pollSpin, m_ui->warningSpin, m_ui->criticalSpin, m_ui->expirySpin}) {
        if (!spin->hasAcceptableInput()) {
            problem = tr("Enter every value as a whole number within its range.");
            break;
        }
    }
    if (problem.isEmpty() && m_ui->criticalSpin->value() > m_ui->warningSpin->value())
        problem = tr("The red threshold (%1 min) must not be above the amber one (%2 min).")
                      .arg(m_ui->criticalSpin->value())
                      .arg(m_ui->warningSpin->value());
    m_problem = problem;
    m_ui->problemLabel->setText(problem);
    m_ui->problemLabel->setVisible(!problem.isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void PreferencesDialog::accept()
{
    validate();
    if (!m_problem.isEmpty())
        return;
    m_settings->setValue(Settings::Key::PollIntervalSeconds, m_ui->pollSpin->value());
    m_settings->setValue(Settings::Key::WarningThresholdMinutes, m_ui->warningSpin->value());
    m_settings->setValue(Settings::Key::CriticalThresholdMinutes, m_ui->criticalSpin->value());
    m_settings->setValue(Settings::Key::ExpiryNotificationMinutes, m_ui->expirySpin->value());
    m_settings->setValue(Settings::Key::NotificationsEnabled, m_ui->notificationsBox->isChecked());
    QDialog::accept();
}

} // namespace arr
