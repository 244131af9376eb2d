// The routes' rate limits count in the database through the service (web does not touch the store).
export { hitRateLimit } from '../../services/rateLimits.js'
