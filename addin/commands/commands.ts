/** Function file of the ribbon: the only button opens the task pane (ShowTaskpane), so this page just initialises Office. */
import { officeReady } from '../excel-adapter';

void officeReady();
