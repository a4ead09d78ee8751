# The ledger: one connection class (Ledger) and one small store per concern over it. All SQL and
# everything SQLite-specific stays in this folder.
target_sources(bs_core PRIVATE
    # connection, schema, change notification, WAL housekeeping
    ${CMAKE_CURRENT_LIST_DIR}/ledger.h
    ${CMAKE_CURRENT_LIST_DIR}/ledger.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ledgerstore.h
    ${CMAKE_CURRENT_LIST_DIR}/ledgervalues.h
    ${CMAKE_CURRENT_LIST_DIR}/ledgerschema.h
    ${CMAKE_CURRENT_LIST_DIR}/ledgerschema.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ledgernotifier.h
    ${CMAKE_CURRENT_LIST_DIR}/ledgernotifier.cpp
    ${CMAKE_CURRENT_LIST_DIR}/walcheckpointer.h
    ${CMAKE_CURRENT_LIST_DIR}/walcheckpointer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ledgerworker.h
    ${CMAKE_CURRENT_LIST_DIR}/ledgerworker.cpp
    # stores
    ${CMAKE_CURRENT_LIST_DIR}/batchstore.h
    ${CMAKE_CURRENT_LIST_DIR}/batchstore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/draftstore.h
    ${CMAKE_CURRENT_LIST_DIR}/draftstore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/paramscodec.h
    ${CMAKE_CURRENT_LIST_DIR}/paramscodec.cpp
    ${CMAKE_CURRENT_LIST_DIR}/resultstore.h
    ${CMAKE_CURRENT_LIST_DIR}/resultstore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/resultstorelines.cpp
    ${CMAKE_CURRENT_LIST_DIR}/resultlineblocks.h
    ${CMAKE_CURRENT_LIST_DIR}/resultlineblocks.cpp
    ${CMAKE_CURRENT_LIST_DIR}/costcolumns.h
    ${CMAKE_CURRENT_LIST_DIR}/costqueries.h
    ${CMAKE_CURRENT_LIST_DIR}/costqueries.cpp
    ${CMAKE_CURRENT_LIST_DIR}/spendqueries.h
    ${CMAKE_CURRENT_LIST_DIR}/spendqueries.cpp
    ${CMAKE_CURRENT_LIST_DIR}/profilespend.h
    ${CMAKE_CURRENT_LIST_DIR}/profilespend.cpp
    ${CMAKE_CURRENT_LIST_DIR}/summarystore.h
    ${CMAKE_CURRENT_LIST_DIR}/summarystore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/retryqueue.h
    ${CMAKE_CURRENT_LIST_DIR}/retryqueue.cpp
    ${CMAKE_CURRENT_LIST_DIR}/alertlog.h
    ${CMAKE_CURRENT_LIST_DIR}/alertlog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/alertstate.h
    ${CMAKE_CURRENT_LIST_DIR}/alertstate.cpp
    ${CMAKE_CURRENT_LIST_DIR}/metricsqueries.h
    ${CMAKE_CURRENT_LIST_DIR}/metricsqueries.cpp
    ${CMAKE_CURRENT_LIST_DIR}/settingsstore.h
    ${CMAKE_CURRENT_LIST_DIR}/settingsstore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/budgetstore.h
    ${CMAKE_CURRENT_LIST_DIR}/budgetstore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ingestclaims.h
    ${CMAKE_CURRENT_LIST_DIR}/ingestclaims.cpp
    # records
    ${CMAKE_CURRENT_LIST_DIR}/batchrecord.h
    ${CMAKE_CURRENT_LIST_DIR}/draftinfo.h
    ${CMAKE_CURRENT_LIST_DIR}/draftinfo.cpp
    ${CMAKE_CURRENT_LIST_DIR}/storedrequest.h
    ${CMAKE_CURRENT_LIST_DIR}/packedrequest.h
    ${CMAKE_CURRENT_LIST_DIR}/resultrow.h
    ${CMAKE_CURRENT_LIST_DIR}/retryitem.h
    ${CMAKE_CURRENT_LIST_DIR}/retryitem.cpp
    ${CMAKE_CURRENT_LIST_DIR}/alertrecord.h
    ${CMAKE_CURRENT_LIST_DIR}/budgetsetting.h
    ${CMAKE_CURRENT_LIST_DIR}/budgetsetting.cpp
    ${CMAKE_CURRENT_LIST_DIR}/costtotals.h
    ${CMAKE_CURRENT_LIST_DIR}/retryclass.h
    ${CMAKE_CURRENT_LIST_DIR}/retryclass.cpp)
