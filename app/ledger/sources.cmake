target_sources(bs_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/retryclass.h
    ${CMAKE_CURRENT_LIST_DIR}/retryclass.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ledgernotifier.h
    ${CMAKE_CURRENT_LIST_DIR}/ledgernotifier.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ledgerrecords.h
    ${CMAKE_CURRENT_LIST_DIR}/ledgerschema.h
    ${CMAKE_CURRENT_LIST_DIR}/ledgerschema.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ledger.h
    ${CMAKE_CURRENT_LIST_DIR}/ledger.cpp
    ${CMAKE_CURRENT_LIST_DIR}/walcheckpointer.h
    ${CMAKE_CURRENT_LIST_DIR}/walcheckpointer.cpp)
