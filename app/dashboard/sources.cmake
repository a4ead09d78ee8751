# What the spend dashboard draws, as plain values computed on a ledger thread (no widgets).
target_sources(bs_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/spendseries.h
    ${CMAKE_CURRENT_LIST_DIR}/spendseriesbuilder.h
    ${CMAKE_CURRENT_LIST_DIR}/spendseriesbuilder.cpp)
