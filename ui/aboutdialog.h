#pragma once

#include <QDialog>

namespace bs::ui {

// Help → About: version, license and the Qt version Batchscope runs on.
class AboutDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);

    QString bodyText() const;

private:
    QString m_body;
};

} // namespace bs::ui
