target_sources(bs_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/jsonlscanner.h
    ${CMAKE_CURRENT_LIST_DIR}/jsonlscanner.cpp
    ${CMAKE_CURRENT_LIST_DIR}/jsonlscannerimpl.h
    ${CMAKE_CURRENT_LIST_DIR}/jsonlscannermodels.cpp
    ${CMAKE_CURRENT_LIST_DIR}/jsonltext.h
    ${CMAKE_CURRENT_LIST_DIR}/jsonltext.cpp
    ${CMAKE_CURRENT_LIST_DIR}/jsonlinput.h
    ${CMAKE_CURRENT_LIST_DIR}/jsonlinput.cpp
    ${CMAKE_CURRENT_LIST_DIR}/batchsplitter.h
    ${CMAKE_CURRENT_LIST_DIR}/batchsplitter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/budgetgate.h
    ${CMAKE_CURRENT_LIST_DIR}/budgetgate.cpp)
