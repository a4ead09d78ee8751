#pragma once

#include <QMainWindow>

class QLabel;
class QMimeData;

namespace bs::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // QSettings keys for the remembered layout.
    static QString geometryKey() { return QStringLiteral("MainWindow/geometry"); }
    static QString stateKey() { return QStringLiteral("MainWindow/state"); }

Q_SIGNALS:
    // The user chose a JSONL file, through File → Open or by dropping it on the window.
    void jsonlFileChosen(const QString& path);

public Q_SLOTS:
    void openJsonl();
    void showAbout();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void restoreLayout();
    void saveLayout() const;
    void acceptFile(const QString& path);
    static QString jsonlPathFrom(const QMimeData* mime);

    QLabel* m_placeholder = nullptr;
};

} // namespace bs::ui
