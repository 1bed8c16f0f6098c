export { ReviewScreen } from './ReviewScreen'
