#include "narrative/narrative_reader.hpp"
