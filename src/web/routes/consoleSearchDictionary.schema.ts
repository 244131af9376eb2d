import { formBody, formText } from './formSchemas.js'

/** POST /console/search-dictionary: a term and its synonyms (the service checks them) */
export const dictionaryForm = formBody({ term: formText, synonyms: formText })
